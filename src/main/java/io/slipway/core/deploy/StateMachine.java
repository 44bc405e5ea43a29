package io.slipway.core.deploy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An explicit state machine: the current state in an {@link AtomicReference}, moved only by compare-and-set along
 * an allowed-transition table. A transition the table does not allow, or one from a state the machine is no longer
 * in (someone else moved it), throws {@link IllegalTransitionException}.
 */
public final class StateMachine<S extends Enum<S>> {
    private final String name;
    private final Map<S, Set<S>> allowed;
    private final AtomicReference<S> current;

    public StateMachine(String name, S initial, Map<S, Set<S>> allowed) {
        this.name = name;
        this.allowed = allowed;
        this.current = new AtomicReference<>(initial);
    }

    public S current() {
        return current.get();
    }

    public boolean canMove(S from, S to) {
        return allowed.getOrDefault(from, Set.of()).contains(to);
    }

    /** Moves {@code from} → {@code to}; throws if not allowed or if the machine is not in {@code from}. */
    public void transition(S from, S to) {
        if (!canMove(from, to)) {
            throw new IllegalTransitionException(name + ": " + from + " -> " + to + " is not an allowed transition");
        }
        if (!current.compareAndSet(from, to)) {
            throw new IllegalTransitionException(name + ": cannot move " + from + " -> " + to + ", the state is "
                    + current.get());
        }
    }

    /** Moves from whatever the current state is to {@code to}; returns the state left. */
    public S advance(S to) {
        S from = current.get();
        transition(from, to);
        return from;
    }

    /** Builds a transition table: {@code table(Type.class).allow(A, B, C).allow(B, C).build()}. */
    public static <S extends Enum<S>> Table<S> table(Class<S> type) {
        return new Table<>(type);
    }

    public static final class Table<S extends Enum<S>> {
        private final Class<S> type;
        private final Map<S, Set<S>> map;

        private Table(Class<S> type) {
            this.type = type;
            this.map = new EnumMap<>(type);
        }

        @SafeVarargs
        public final Table<S> allow(S from, S... to) {
            map.computeIfAbsent(from, k -> EnumSet.noneOf(type)).addAll(Set.of(to));
            return this;
        }

        public Map<S, Set<S>> build() {
            Map<S, Set<S>> copy = new EnumMap<>(type);
            map.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
            return Map.copyOf(copy);
        }
    }

    /** A transition the machine refuses. */
    public static final class IllegalTransitionException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public IllegalTransitionException(String message) {
            super(message);
        }
    }
}
