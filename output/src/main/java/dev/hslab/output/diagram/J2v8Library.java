package dev.hslab.output.diagram;

import com.eclipsesource.v8.V8;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * Loads J2V8's native library without an executable stack, so the JVM prints no stack-guard warning.
 *
 * <p>{@code libj2v8_linux_x86_64.so} (J2V8 4.6.0, the embedded engine's V8) was linked without
 * {@code -z noexecstack}: its {@code PT_GNU_STACK} program header has the flags RWE. When a library
 * that does not mark its stack RW is loaded into a running JVM, HotSpot's {@code os::dll_load}
 * prints "You have loaded library ... which might have disabled stack guard" (glibc makes every
 * thread stack executable for it, guard pages included, and the VM re-protects them at a
 * safepoint); glibc 2.41 and later refuse to load such a library at all. V8 runs no code on the
 * stack (its JIT writes code to pages of its own), so the flag is an accident of the build.
 *
 * <p>This class does what {@code execstack -c} does, on a copy: it takes the library from J2V8's
 * jar, clears the X flag of its {@code PT_GNU_STACK} header, writes the copy under a name made of
 * its SHA-256 (atomically, so concurrent {@code hslab} processes share one file and never see half
 * of it), loads it, and marks J2V8's library as loaded, so that J2V8 never extracts and loads its
 * own copy (its loader rewrites the file on every start). Anything unexpected (another platform,
 * another J2V8, a folder we cannot write) leaves J2V8 to load its own copy as before.
 */
final class J2v8Library {

  /** J2V8's library for Linux x86_64, at the root of its jar (the only one graphviz-java brings). */
  static final String RESOURCE = "libj2v8_linux_x86_64.so";

  /** ELF program header type of the stack's permissions (the GNU extension, {@code elf.h}). */
  static final int PT_GNU_STACK = 0x6474e551;
  static final int PF_X = 1;

  private J2v8Library() {}

  /**
   * Loads the copy without an executable stack from {@code dir} (writing it there first if
   * needed), unless J2V8's library is loaded already.
   *
   * @return the file loaded, or null when this left the loading to J2V8
   */
  static Path load(Path dir) {
    if (!System.getProperty("os.name", "").startsWith("Linux")
        || !Arrays.asList("amd64", "x86_64").contains(System.getProperty("os.arch", ""))
        // System.load binds the library to the caller's class loader; J2V8's native methods are
        // looked up in V8's.
        || J2v8Library.class.getClassLoader() != V8.class.getClassLoader()) {
      return null;
    }
    Field loaded;
    Object lock;
    try {
      loaded = V8.class.getDeclaredField("nativeLibraryLoaded");
      loaded.setAccessible(true);
      Field lockField = V8.class.getDeclaredField("lock");
      lockField.setAccessible(true);
      lock = lockField.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // another J2V8: its own loader decides
    }
    // V8.createV8Runtime checks and sets the flag under this lock.
    synchronized (lock) {
      try {
        if (loaded.getBoolean(null)) {
          return null;
        }
        byte[] library;
        try (InputStream in = V8.class.getResourceAsStream("/" + RESOURCE)) {
          if (in == null) {
            return null;
          }
          library = withoutExecutableStack(in.readAllBytes());
        }
        Path file = written(dir.toAbsolutePath(), library);
        System.load(file.toString());
        loaded.setBoolean(null, true);
        return file;
      } catch (IOException | ReflectiveOperationException | IllegalArgumentException | UnsatisfiedLinkError e) {
        return null;
      }
    }
  }

  /** The file {@code dir/libj2v8_linux_x86_64-HASH.so} holding exactly {@code library}. */
  private static Path written(Path dir, byte[] library) throws IOException {
    String hash;
    try {
      hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(library), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    privateDirectory(dir);
    Path file = dir.resolve(RESOURCE.replace(".so", "-" + hash + ".so"));
    if (Files.isRegularFile(file) && Files.size(file) == library.length
        && Arrays.equals(Files.readAllBytes(file), library)) {
      return file;
    }
    Path tmp = Files.createTempFile(dir, RESOURCE, ".tmp");
    try {
      Files.write(tmp, library);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return file;
  }

  /**
   * Makes sure {@code dir} is ours alone before native code is loaded from it: created
   * {@code rwx------}, and refused when another user owns it or others may write to it (in a
   * shared {@code /tmp}, another user could otherwise swap the file between our check and
   * {@code System.load}).
   */
  private static void privateDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(dir.getParent());
      try {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (FileAlreadyExistsException e) {
        // made by a concurrent process: checked below like any other
      }
    }
    String me = System.getProperty("user.name");
    if (!Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(me)) {
      throw new IOException(dir + " belongs to another user");
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
    if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new IOException(dir + " is writable by others");
    }
  }

  /**
   * A copy of a 64-bit little-endian ELF file whose {@code PT_GNU_STACK} header no longer asks for
   * an executable stack ({@code execstack -c}); the same bytes when it does not ask for one.
   *
   * @throws IllegalArgumentException if the bytes are not such an ELF file or have no
   *     {@code PT_GNU_STACK} header (a missing header means an executable stack too)
   */
  static byte[] withoutExecutableStack(byte[] elf) {
    // ELF header (System V gABI, elf.h): e_ident[EI_CLASS] = ELFCLASS64, e_ident[EI_DATA] = ELFDATA2LSB.
    if (elf.length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F' || elf[4] != 2 || elf[5] != 1) {
      throw new IllegalArgumentException("not a 64-bit little-endian ELF file");
    }
    ByteBuffer b = ByteBuffer.wrap(elf.clone()).order(ByteOrder.LITTLE_ENDIAN);
    long phoff = b.getLong(0x20);
    int phentsize = Short.toUnsignedInt(b.getShort(0x36));
    int phnum = Short.toUnsignedInt(b.getShort(0x38));
    for (int i = 0; i < phnum; i++) {
      long at = phoff + (long) i * phentsize;
      if (at < 0 || at + 8 > elf.length) {
        throw new IllegalArgumentException("program header " + i + " lies outside the file");
      }
      // Elf64_Phdr: p_type (4 bytes), then p_flags (4 bytes).
      if (b.getInt((int) at) == PT_GNU_STACK) {
        b.putInt((int) at + 4, b.getInt((int) at + 4) & ~PF_X);
        return b.array();
      }
    }
    throw new IllegalArgumentException("no PT_GNU_STACK program header");
  }
}
