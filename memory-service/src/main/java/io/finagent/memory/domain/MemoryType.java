package io.finagent.memory.domain;

public enum MemoryType {
    DECISION, PATTERN, FEEDBACK, OBSERVATION
}
