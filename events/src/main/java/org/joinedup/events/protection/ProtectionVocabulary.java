package org.joinedup.events.protection;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/** The words of the child protection pathway, with their stable wire names. */
public final class ProtectionVocabulary {
    private ProtectionVocabulary() {
    }

    /** What a strategy discussion decides. */
    public enum StrategyDecision implements WireNamed {
        SECTION_47_ENQUIRY("section-47-enquiry"),
        CHILD_IN_NEED_ASSESSMENT("child-in-need-assessment"),
        NO_FURTHER_ACTION("no-further-action");

        private final String wireName;

        StrategyDecision(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }

        public static Optional<StrategyDecision> fromWireName(String name) {
            return WireNamed.fromWireName(StrategyDecision.class, name);
        }
    }

    /** A section 47 enquiry's outcome. */
    public enum EnquiryOutcome implements WireNamed {
        NOT_SUBSTANTIATED("not-substantiated"),
        SUBSTANTIATED_NO_CONTINUING_RISK("substantiated-no-continuing-risk"),
        SUBSTANTIATED_CONTINUING_RISK("substantiated-continuing-risk");

        private final String wireName;

        EnquiryOutcome(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }

        public static Optional<EnquiryOutcome> fromWireName(String name) {
            return WireNamed.fromWireName(EnquiryOutcome.class, name);
        }
    }

    /** A child protection plan's category (Working Together 2023). */
    public enum PlanCategory implements WireNamed {
        NEGLECT("neglect"),
        PHYSICAL_ABUSE("physical-abuse"),
        EMOTIONAL_ABUSE("emotional-abuse"),
        SEXUAL_ABUSE("sexual-abuse");

        private final String wireName;

        PlanCategory(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }

        public static Optional<PlanCategory> fromWireName(String name) {
            return WireNamed.fromWireName(PlanCategory.class, name);
        }
    }

    /** Why a plan ended. */
    public enum PlanEnd implements WireNamed {
        REVIEW_CONFERENCE("review-conference"),
        MOVED_AREA("moved-area"),
        TURNED_EIGHTEEN("turned-eighteen");

        private final String wireName;

        PlanEnd(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }

        public static Optional<PlanEnd> fromWireName(String name) {
            return WireNamed.fromWireName(PlanEnd.class, name);
        }
    }
}
