package io.finagent.platform.backup;

import java.util.List;

/**
 * A CDI event fired after an import committed: the named tables now hold restored rows, so what a
 * service keeps of them in memory (an index, a cache) is stale and must be rebuilt.
 */
public record DataRestored(List<String> tables) {
}
