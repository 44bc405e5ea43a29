package io.slipway.core.sbom.read;

/** An SPDX annotation on an element: who said what, when, of which type (REVIEW or OTHER). */
public record SbomAnnotation(String annotator, String type, String date, String comment) {
}
