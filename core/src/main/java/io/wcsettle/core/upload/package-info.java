/** Upload deadlines of discharge data (R-UPL-1) and monthly settlements (R-UPL-2); manual-claim duplicate detection (R-UPL-3). */
package io.wcsettle.core.upload;
