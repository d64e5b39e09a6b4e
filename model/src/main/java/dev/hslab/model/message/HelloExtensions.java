package dev.hslab.model.message;

import dev.hslab.model.message.extension.Extension;
import dev.hslab.model.message.extension.Extensions;
import java.util.List;
import java.util.Optional;

/**
 * The extensions block ClientHello and ServerHello both may end with (RFC 5246 §7.4.1.4), read the
 * same way in both: absent and present-but-empty differ on the wire, not to a reader.
 */
public interface HelloExtensions {

  /** The block as it was on the wire: empty when absent. */
  Optional<List<Extension>> extensions();

  /** The extensions, or an empty list when the block is absent. */
  default List<Extension> extensionList() {
    return extensions().orElse(List.of());
  }

  default <T extends Extension> Optional<T> extension(Class<T> type) {
    return Extensions.find(extensionList(), type);
  }

  default Optional<Extension> extension(int typeCode) {
    return Extensions.find(extensionList(), typeCode);
  }
}
