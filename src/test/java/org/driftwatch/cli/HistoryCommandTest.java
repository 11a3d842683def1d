package org.driftwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The history table shows numbers as people read them (#30 item 13); csv and json keep every digit. */
class HistoryCommandTest {
    @Test
    void numbersHaveSixSignificantDigitsAndNoTrailingZeros() {
        assertEquals("0.0389168", HistoryCommand.shown(0.038916756943941345));
        assertEquals("0.1", HistoryCommand.shown(0.1));
        assertEquals("365", HistoryCommand.shown(365.0));
        assertEquals("1.23457e-05", HistoryCommand.shown(1.2345678e-5));
        assertEquals("-2.5", HistoryCommand.shown(-2.5));
    }
}
