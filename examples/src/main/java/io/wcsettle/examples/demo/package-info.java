/** The demo's walkthroughs: a cross-province discharge and a quarterly clearing, in core only. */
package io.wcsettle.examples.demo;
