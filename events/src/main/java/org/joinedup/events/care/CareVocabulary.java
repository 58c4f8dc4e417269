package org.joinedup.events.care;

import org.joinedup.events.WireNamed;

/**
 * The words of early help's consent and ending, a child in need plan, a child being looked after and police
 * protection, with their stable wire names (docs/pathway.md).
 */
public final class CareVocabulary {
    private CareVocabulary() {
    }

    /** The family's answer to an offer of early help. */
    public enum Consent implements WireNamed {
        GIVEN("given"),
        REFUSED("refused");

        private final String wireName;

        Consent(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    /** Why a Team Around the Child stops working with the family. */
    public enum TeamClosing implements WireNamed {
        NEEDS_MET("needs-met"),
        STEPPED_UP("stepped-up"),
        CONSENT_WITHDRAWN("consent-withdrawn"),
        MOVED_AWAY("moved-away"),
        OTHER("other");

        private final String wireName;

        TeamClosing(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    /** Why a child in need plan ended. */
    public enum ChildInNeedPlanEnd implements WireNamed {
        NEEDS_MET("needs-met"),
        STEPPED_DOWN("stepped-down"),
        STEPPED_UP("stepped-up"),
        MOVED_AREA("moved-area"),
        TURNED_EIGHTEEN("turned-eighteen"),
        OTHER("other");

        private final String wireName;

        ChildInNeedPlanEnd(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    /** The legal status a child is looked after under. */
    public enum LegalStatus implements WireNamed {
        SECTION_20("section-20"),
        INTERIM_CARE_ORDER("interim-care-order"),
        CARE_ORDER("care-order"),
        EMERGENCY_PROTECTION_ORDER("emergency-protection-order");

        private final String wireName;

        LegalStatus(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    /** Why a child stopped being looked after. */
    public enum LookedAfterEnd implements WireNamed {
        RETURNED_HOME("returned-home"),
        SPECIAL_GUARDIANSHIP_ORDER("special-guardianship-order"),
        CHILD_ARRANGEMENTS_ORDER("child-arrangements-order"),
        ADOPTED("adopted"),
        MOVED_AREA("moved-area"),
        TURNED_EIGHTEEN("turned-eighteen"),
        OTHER("other");

        private final String wireName;

        LookedAfterEnd(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    /** How police protection ended. */
    public enum PoliceProtectionOutcome implements WireNamed {
        RETURNED_HOME("returned-home"),
        ACCOMMODATED_BY_LOCAL_AUTHORITY("accommodated-by-local-authority"),
        EMERGENCY_PROTECTION_ORDER("emergency-protection-order"),
        OTHER("other");

        private final String wireName;

        PoliceProtectionOutcome(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }
}
