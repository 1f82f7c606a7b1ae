/** Agency-side examples: a synthetic year run through the agency stores, for the {@code report} command. */
package io.wcsettle.examples.agency;
