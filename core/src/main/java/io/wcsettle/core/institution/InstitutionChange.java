package io.wcsettle.core.institution;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.region.Admdvs;

/**
 * One change of the institution library (R-INS-1, IM Art. 17): from {@code effectiveOn} on, the
 * institution is in {@code state}, at {@code admdvs}, enabled for {@code kinds}. Changes are
 * appended, never overwritten; a correction is a later change (possibly effective in the past).
 *
 * @param institutionCode the institution's code (1..30 characters, not personal data)
 * @param admdvs          where it is
 * @param effectiveOn     first day the change applies
 * @param state           the agreement state from that day
 * @param kinds           the settlement kinds it is enabled for (meaningful while in agreement)
 * @param reason          free text (no personal data), may be empty
 */
public record InstitutionChange(String institutionCode, Admdvs admdvs, LocalDate effectiveOn, AgreementState state,
        Set<SettlementKind> kinds, String reason) {

    /** @throws InvalidInputException {@code INVALID_INPUT} for a missing or over-long code */
    public InstitutionChange {
        if (institutionCode == null || institutionCode.isBlank() || institutionCode.length() > 30) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "institutionCode", "1..30 characters required");
        }
        Objects.requireNonNull(admdvs, "admdvs");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        Objects.requireNonNull(state, "state");
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        reason = reason == null ? "" : reason;
    }

    /** 新增: the institution enters the library under agreement for {@code kinds}. */
    public static InstitutionChange agreement(String code, Admdvs admdvs, LocalDate from, Set<SettlementKind> kinds) {
        return new InstitutionChange(code, admdvs, from, AgreementState.IN_AGREEMENT, kinds, "");
    }

    /** The same institution in {@code newState} from {@code from}, keeping location and kinds. */
    public InstitutionChange then(AgreementState newState, LocalDate from, String why) {
        return new InstitutionChange(institutionCode, admdvs, from, newState, kinds, why);
    }
}
