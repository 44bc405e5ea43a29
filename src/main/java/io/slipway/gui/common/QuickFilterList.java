package io.slipway.gui.common;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

/**
 * A read-only filtered view of a source list for tables of tens of thousands of rows that refilter on every
 * keystroke. {@link javafx.collections.transformation.FilteredList} copies every previously visible element
 * through its iterator into the change event on each refilter, which profiling showed was most of a 50k-row
 * keystroke; here a refilter builds one new array and the change's removed list is a view of the old one.
 * When the new predicate only narrows the previous one (a longer quick-filter text), only the visible elements
 * are tested again.
 *
 * <p>Any change of the source refilters the whole list (sources change on load or edit, not per keystroke).
 */
public final class QuickFilterList<E> extends ObservableListBase<E> {
    private static final Object[] EMPTY = new Object[0];

    private final ObservableList<? extends E> source;
    private Predicate<? super E> predicate = e -> true;
    private Object[] items = EMPTY;
    private int size;

    public QuickFilterList(ObservableList<? extends E> source) {
        this.source = source;
        source.addListener((InvalidationListener) changed -> refilter(predicate, false));
        refilter(predicate, false);
    }

    /** Shows the source elements that match {@code test}. */
    public void setPredicate(Predicate<? super E> test) {
        refilter(test, false);
    }

    /**
     * Like {@link #setPredicate} when every element {@code test} accepts is also accepted by the current
     * predicate, so only the visible elements need testing.
     */
    public void narrow(Predicate<? super E> test) {
        refilter(test, true);
    }

    private void refilter(Predicate<? super E> test, boolean narrowing) {
        Objects.requireNonNull(test, "test");
        List<? extends E> candidates = narrowing ? this : source;
        int n = candidates.size();
        Object[] next = new Object[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            E e = candidates.get(i);
            if (test.test(e)) {
                next[kept++] = e;
            }
        }
        Object[] old = items;
        int oldSize = size;
        predicate = test;
        items = next;
        size = kept;
        if (oldSize > 0 || kept > 0) {
            // the old array is never written again, so the removed list can be a view of it
            fireChange(new ReplaceAll<>(this, viewOf(old, oldSize), kept));
        }
    }

    @SuppressWarnings("unchecked")
    private static <E> List<E> viewOf(Object[] array, int length) {
        return (List<E>) Arrays.asList(array).subList(0, length);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size);
        return (E) items[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** One step: everything that was shown is replaced by what is shown now. */
    private static final class ReplaceAll<E> extends ListChangeListener.Change<E> {
        private static final int[] NO_PERMUTATION = new int[0];
        private final List<E> removed;
        private final int added;
        private boolean onStep;

        ReplaceAll(ObservableList<E> list, List<E> removed, int added) {
            super(list);
            this.removed = removed;
            this.added = added;
        }

        @Override
        public boolean next() {
            if (onStep) {
                return false;
            }
            onStep = true;
            return true;
        }

        @Override
        public void reset() {
            onStep = false;
        }

        @Override
        public int getFrom() {
            checkOnStep();
            return 0;
        }

        @Override
        public int getTo() {
            checkOnStep();
            return added;
        }

        @Override
        public List<E> getRemoved() {
            checkOnStep();
            return removed;
        }

        @Override
        protected int[] getPermutation() {
            checkOnStep();
            return NO_PERMUTATION;
        }

        private void checkOnStep() {
            if (!onStep) {
                throw new IllegalStateException("Invalid Change state: next() must be called before inspecting it");
            }
        }
    }
}
