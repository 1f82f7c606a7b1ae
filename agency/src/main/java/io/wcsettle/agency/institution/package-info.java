/** The institution library in the agency database (R-INS-1): append-only changes, facts on a date, reports. */
package io.wcsettle.agency.institution;
