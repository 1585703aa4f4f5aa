package io.finagent.strategy.domain;

import io.finagent.platform.domain.DomainRefusal;

/** An alert asked to become anything but its next status (pending, sent, acknowledged, in that order). */
public class AlertStepRefused extends DomainRefusal {

    public AlertStepRefused(String message) {
        super(Kind.CONFLICT, null, message);
    }
}
