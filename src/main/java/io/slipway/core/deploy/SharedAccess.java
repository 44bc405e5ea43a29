package io.slipway.core.deploy;

import io.slipway.core.common.WaitTime;
import io.slipway.core.registry.AccessDecision;
import io.slipway.core.registry.RegistryAccess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's access decisions of one deploy, asked once and shared by its nodes. Every node pulls the same build
 * environment and package and pushes to the same repository, so asking per node repeated the same login, checks and
 * registry audit record for each node. The first node to need a decision asks the registry; nodes that need it
 * meanwhile wait for that answer; later nodes reuse it while it is younger than {@link #FRESH} (a long deploy asks
 * again). Each node still records the decision it acted on. The engine's own pull and push authenticate anyway.
 */
final class SharedAccess {
    static final Duration FRESH = Duration.ofSeconds(60);

    /**
     * A decision, and how much of the time it took to ask was Slipway's own work (the access request's audit record,
     * logging: the time outside its HTTP exchanges, see {@link WaitTime}).
     */
    record Answer(AccessDecision decision, long ownNanos, long askedAtNanos) {
        /**
         * Of {@code waitedNanos} spent getting this answer, the part that was the registry's: at most the wait minus
         * all of the asker's own work (which may have fallen into the wait), so Slipway's work never counts as the
         * registry's. A reused answer costs no registry time.
         */
        long registryNanos(long waitedNanos) {
            return Math.max(0, waitedNanos - ownNanos);
        }
    }

    private record Question(List<String> repositories, boolean push) {
    }

    private final RegistryAccess registry;
    private final Map<Question, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();

    SharedAccess(RegistryAccess registry) {
        this.registry = registry;
    }

    /**
     * The decision on {@code repositories} (pull, and push when {@code push}). Throws what the access request threw
     * (a failed question is asked again by the next node that needs it).
     */
    Answer decide(List<String> repositories, boolean push) {
        Question q = new Question(List.copyOf(repositories), push);
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> current = answers.compute(q, (k, v) -> v == null || stale(v) ? mine : v);
        if (current == mine) {
            ask(q, mine);
        }
        try {
            return current.join();
        } catch (CompletionException e) {
            answers.remove(q, current);
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void ask(Question q, CompletableFuture<Answer> answer) {
        long t0 = System.nanoTime();
        WaitTime.Account http = WaitTime.open();
        AccessDecision d;
        try {
            d = registry.requestAccess(q.repositories(), q.push());
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
            return;
        } finally {
            http.close();
        }
        long now = System.nanoTime();
        answer.complete(new Answer(d, Math.max(0, now - t0 - http.nanos()), now));
    }

    private static boolean stale(CompletableFuture<Answer> f) {
        Answer a = f.getNow(null);
        return a != null && System.nanoTime() - a.askedAtNanos() > FRESH.toNanos();
    }
}
