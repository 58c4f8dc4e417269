package org.joinedup.events.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * What a data-sharing agreement says. Dates are inclusive calendar days in England and Wales.
 *
 * @param parties                   the agencies bound by it (two or more)
 * @param categories                {@link InformationCategory} names it covers
 * @param purposes                  {@link SharingPurpose} wire names
 * @param lawfulBasis               a {@link LawfulBasis} wire name (UK GDPR Art. 6)
 * @param specialCategoryCondition  for special-category data, the Art. 9 / DPA 2018 Schedule 1 condition (optional)
 * @param partnershipLevel          a {@link PartnershipLevel} wire name
 * @param meetingFrequency          a {@link MeetingFrequency} wire name
 */
public record AgreementTerms(
        String title,
        List<String> parties,
        List<String> categories,
        List<String> purposes,
        String lawfulBasis,
        String specialCategoryCondition,
        String partnershipLevel,
        String meetingFrequency,
        LocalDate validFrom,
        LocalDate validTo,
        LocalDate reviewDate) {

    public AgreementTerms {
        parties = parties == null ? List.of() : List.copyOf(parties);
        categories = categories == null ? List.of() : List.copyOf(categories);
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
    }
}
