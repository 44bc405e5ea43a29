package io.slipway.gui.registry;

import io.slipway.core.registry.Registries;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * A password or passphrase as typed, held as a {@code char[]} (never a String property): a new value wipes the one
 * it replaces, and {@link #wipe()} empties it once the form is done. Only the revision is observable, so a form can
 * re-validate without the secret itself ever reaching a binding.
 */
public final class Secret {
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private char[] chars = new char[0];

    /** Takes ownership of {@code typed}; it is wiped when replaced or by {@link #wipe()}. */
    public void set(char[] typed) {
        Registries.wipe(chars);
        chars = typed == null ? new char[0] : typed;
        revision.set(revision.get() + 1);
    }

    public boolean isEmpty() {
        return chars.length == 0;
    }

    int length() {
        return chars.length;
    }

    boolean sameAs(Secret other) {
        return Arrays.equals(chars, other.chars);
    }

    /** A copy for one background use; whoever takes it wipes it. */
    public char[] copy() {
        return chars.clone();
    }

    public void wipe() {
        set(null);
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
