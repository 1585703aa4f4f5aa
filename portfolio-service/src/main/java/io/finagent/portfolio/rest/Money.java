package io.finagent.portfolio.rest;

/** The validation messages of the ledger's numbers, which match its column scales. */
final class Money {

    static final String RULE = "must have at most 16 integer digits and 8 decimals";
    static final String QUANTITY_RULE = "must have at most 18 integer digits and 10 decimals";
    static final String RATIO_RULE = "must have at most 10 integer digits and 10 decimals";

    private Money() {
    }
}
