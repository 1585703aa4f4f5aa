package io.finagent.memory.index;

/** A decision near a probe: its id and its squared distance to the probe in z-space. */
public record Neighbour(long id, double squaredDistance) {
}
