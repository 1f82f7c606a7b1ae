package io.wcsettle.core.rule;

/**
 * In which capacity a regional text speaks in an article: as the worker's insured place (参保地),
 * as the treatment place (就医地), or for both. Beijing's notice, for instance, speaks as insured
 * place in its part 二 ("本市工伤职工异地就医") and as treatment place in its part 三 ("异地来京就医").
 */
public enum Role {
    /** The article binds the place when its own workers are treated elsewhere. */
    INSURED_PLACE,
    /** The article binds the place when it treats workers insured elsewhere. */
    TREATMENT_PLACE,
    /** The article describes the procedure for both sides. */
    EITHER
}
