package io.finagent.platform.partitions;

import io.finagent.platform.config.ConfigMessages;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code finagent.partitions.*}: how far ahead {@link MonthlyPartitions} keeps months, and when it runs. */
@ConfigMapping(prefix = "finagent.partitions")
public interface PartitionsConfig {

    /** Months after the current one that have their partition (the current one always has). */
    @WithDefault("3")
    @Min(value = 1, message = ConfigMessages.AT_LEAST)
    @Max(value = 24, message = ConfigMessages.AT_MOST)
    int monthsAhead();

    /** When the months ahead are created (a Quartz cron, UTC); they are also created at start. */
    @WithDefault("0 10 0 * * ?")
    String schedule();
}
