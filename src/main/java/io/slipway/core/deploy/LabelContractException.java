package io.slipway.core.deploy;

/** A build-environment image breaks the label contract; the message names the image and the label. */
public class LabelContractException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String label;

    public LabelContractException(String image, String label, String problem) {
        super("build environment " + image + ": label " + label + " " + problem + " (see docs/labels.md)");
        this.label = label;
    }

    public String label() {
        return label;
    }
}
