/**
 * Typed errors with stable codes. Bad input raises an {@link io.wcsettle.core.error.InvalidInputException}
 * carrying a {@link io.wcsettle.core.error.CoreErrorCode} and the field at fault; business
 * rejections are never exceptions.
 */
package io.wcsettle.core.error;
