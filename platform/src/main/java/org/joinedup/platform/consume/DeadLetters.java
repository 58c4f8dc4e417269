package org.joinedup.platform.consume;

/** Naming and headers of dead-letter topics. */
public final class DeadLetters {
    public static final String REASON = "dead-letter-reason";
    public static final String ORIGINAL_TOPIC = "dead-letter-topic";
    public static final String ORIGINAL_PARTITION = "dead-letter-partition";
    public static final String ORIGINAL_OFFSET = "dead-letter-offset";
    public static final String CONSUMER = "dead-letter-consumer";

    private DeadLetters() {
    }

    /** The dead-letter topic of a topic, e.g. {@code concerns.events.dead-letter}. */
    public static String topicFor(String topic) {
        return topic + ".dead-letter";
    }
}
