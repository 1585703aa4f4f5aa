package io.finagent.backup.event;

import io.finagent.backup.service.BackupSchedules;
import io.finagent.platform.events.EventCodec;
import io.finagent.platform.events.EventType;
import io.finagent.platform.events.InvalidEventException;
import io.finagent.platform.inbox.EventsInProgress;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * strategy-changed: a strategy's configuration changed, so a CONFIGURATION backup follows. Best
 * effort: a message that cannot be read or a backup that cannot start is logged and skipped, as
 * the nightly backups hold the configuration too.
 */
@ApplicationScoped
public class StrategyChangedListener {

    private static final Logger LOG = Logger.getLogger(StrategyChangedListener.class);

    private final BackupSchedules schedules;
    private final EventCodec codec;
    private final EventsInProgress inProgress;

    public StrategyChangedListener(BackupSchedules schedules, EventCodec codec, EventsInProgress inProgress) {
        this.schedules = schedules;
        this.codec = codec;
        this.inProgress = inProgress;
    }

    @Incoming("strategy-changed")
    public Uni<Void> onStrategyChanged(String message) {
        try {
            codec.read(message, EventType.STRATEGY_CHANGED);
        } catch (InvalidEventException e) {
            LOG.warnf("strategy-changed message skipped: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return inProgress.track(schedules.configurationChanged()
                .invoke(backup -> LOG.infof("strategy configuration changed: configuration backup %d", backup.id))
                .onFailure().invoke(e -> LOG.errorf(e, "strategy configuration changed, but no configuration backup could start"))
                .onFailure().recoverWithNull().replaceWithVoid());
    }
}
