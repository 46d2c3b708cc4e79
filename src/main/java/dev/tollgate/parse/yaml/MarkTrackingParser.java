package dev.tollgate.parse.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Passes parser events through to the composer and remembers where the last one started.
 *
 * <p>Why: the composer's own limits (too many aliases, nesting too deep) throw without a position; the last event it
 * consumed is the alias or collection that crossed the limit, so its mark locates the problem.
 */
final class MarkTrackingParser implements Parser {

    private final Parser delegate;
    private Mark lastMark;

    MarkTrackingParser(Parser delegate) {
        this.delegate = delegate;
    }

    Mark lastMark() {
        return lastMark;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return delegate.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return delegate.peekEvent();
    }

    @Override
    public Event getEvent() {
        Event event = delegate.getEvent();
        if (event != null && event.getStartMark() != null) {
            lastMark = event.getStartMark();
        }
        return event;
    }
}
