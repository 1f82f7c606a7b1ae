package io.wcsettle.core.clearing;

import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * One transfer of the netted plan, an analysis beyond the sources (R-CLR-6); the payment
 * instruction is bilateral ({@link Payment}).
 *
 * @param from   paying province
 * @param to     receiving province
 * @param amount positive amount
 */
public record Transfer(Admdvs from, Admdvs to, Fen amount) {
}
