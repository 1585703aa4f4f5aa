package io.finagent.portfolio.domain;

import io.finagent.platform.domain.DomainRefusal;

/** A transaction the portfolio's rules do not allow: cash it does not have, a short sale, a split of nothing held. */
public class TradeRefused extends DomainRefusal {

    public TradeRefused(String field, String message) {
        super(Kind.NOT_ALLOWED, field, message);
    }
}
