package dev.hslab.model.engine;

import dev.hslab.model.wire.Bytes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server's cache of sessions by ID, shared by all connections of one server (so later
 * clients can resume); bounded, least recently used out first. Thread-safe, since actors of many
 * connections share it.
 */
public final class SessionCache {

  private final int capacity;
  private final Map<Bytes, Session> sessions;

  public SessionCache(int capacity) {
    this.capacity = capacity;
    this.sessions = new LinkedHashMap<>(16, 0.75f, true);
  }

  public synchronized void put(Session session) {
    if (session.id().isEmpty()) {
      return;
    }
    sessions.put(session.id(), session);
    while (sessions.size() > capacity) {
      sessions.remove(sessions.keySet().iterator().next());
    }
  }

  public synchronized Optional<Session> get(Bytes id) {
    return Optional.ofNullable(sessions.get(id));
  }

  public synchronized int size() {
    return sessions.size();
  }
}
