package io.finagent.memory.rest;

import io.finagent.memory.domain.SessionEvent;

import java.util.List;

public record SessionContextResponse(String sessionId, int lookbackMinutes, int count, List<SessionEvent> events) {
}
