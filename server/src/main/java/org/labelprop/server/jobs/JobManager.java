// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.Ids;
import org.labelprop.server.store.UnknownResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded job queue served by a fixed number of worker threads. Records are persisted on every state change. On
 * start-up, jobs a previous process left queued (never started) are queued again in their original order; jobs it left
 * running are marked failed ("interrupted by server restart"), since their partial work is gone.
 */
public final class JobManager implements AutoCloseable {
    static final String RESTART_MESSAGE = "interrupted by server restart";
    static final String REQUEUED_MESSAGE = "queued again after a server restart";
    private static final Logger LOG = LoggerFactory.getLogger(JobManager.class);
    private static final long NOTIFY_INTERVAL_NANOS = 100_000_000L;

    private final Datastore store;
    private final JobStore records;
    private final JobRunners runners;
    private final JobMemory memory;
    private final int capacity;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    public JobManager(Datastore store, ObjectMapper json, JobRunners runners, JobMemory memory, int workerCount, int capacity)
        throws IOException {
        this.store = store;
        this.records = new JobStore(store.jobsDir(), json);
        this.runners = runners;
        this.memory = memory;
        this.capacity = capacity;
        List<JobRecord> loaded = new ArrayList<>(records.loadAll());
        loaded.sort(Comparator.comparing(JobRecord::createdAt).thenComparing(JobRecord::id));
        for (JobRecord r : loaded) {
            if (r.state() == JobState.RUNNING) {
                r = r.finished(JobState.FAILED, RESTART_MESSAGE, List.of());
                records.save(r);
            } else if (r.state() == JobState.QUEUED) {
                r = store.find(r.session()).isPresent() ? r.requeued(REQUEUED_MESSAGE)
                    : r.finished(JobState.FAILED, "session " + r.session() + " was deleted", List.of());
                records.save(r);
            }
            Job job = new Job(r);
            jobs.put(r.id(), job);
            // every job that was waiting keeps its place, even beyond the capacity (which only limits new submissions)
            if (r.state() == JobState.QUEUED) queue.addLast(job);
        }
        if (!queue.isEmpty()) LOG.info("{} job(s) left queued by the previous run are queued again", queue.size());
        for (int i = 0; i < workerCount; i++) {
            Thread t = new Thread(new JobWorker(this), "labelprop-job-worker-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    public JobRunners runners() { return runners; }

    /** The memory admission of jobs (checked at submission, reserved when a job starts). */
    public JobMemory memory() { return memory; }

    /**
     * Queues a job.
     * @throws QueueFullException when {@code capacity} jobs already wait
     */
    public JobStatus submit(String sessionId, JobRequest params) { return submit(Ids.next(), sessionId, params); }

    /**
     * Queues a job under a caller-chosen id (see {@link Ids#isValid}), e.g. a client's token.
     * @throws IllegalArgumentException when the id is malformed or taken
     * @throws QueueFullException when {@code capacity} jobs already wait
     */
    public JobStatus submit(String jobId, String sessionId, JobRequest params) {
        Job job = new Job(JobRecord.queued(newId(jobId), sessionId, params));
        synchronized (queue) {
            if (closed) throw new IllegalStateException("the server is shutting down");
            if (queue.size() >= capacity)
                throw new QueueFullException("the job queue is full (" + capacity + " waiting); retry later", retryAfterSeconds());
            jobs.put(job.id(), job);
            records.save(job.record);
            queue.addLast(job);
            queue.notifyAll();
        }
        return status(job);
    }

    /**
     * Records a job that failed before it could be queued (an unusable request, a full queue), persisted and listed like
     * any other, so a client holding its id learns why.
     */
    public JobStatus recordFailed(String jobId, String sessionId, JobRequest params, String message) {
        Job job = new Job(JobRecord.queued(newId(jobId), sessionId, params).finished(JobState.FAILED, message, List.of()));
        jobs.put(job.id(), job);
        records.save(job.record);
        LOG.info("job {} ({}) failed before it was queued: {}", job.id(), job.record.type(), message);
        return status(job);
    }

    public JobStatus status(String id) { return status(job(id)); }

    public Optional<JobRecord> find(String id) { return Optional.ofNullable(jobs.get(id)).map(j -> j.record); }

    /** Every job this server knows, oldest first. */
    public List<JobStatus> all() {
        return jobs.values().stream().sorted(Comparator.comparing(j -> j.record.createdAt())).map(this::status).toList();
    }

    /** Jobs of one session, oldest first. */
    public List<JobStatus> forSession(String sessionId) {
        return jobs.values().stream().filter(j -> j.record.session().equals(sessionId))
            .sorted(Comparator.comparing(j -> j.record.createdAt())).map(this::status).toList();
    }

    /** Cancels a queued job at once, or interrupts a running one (it ends as cancelled shortly after). */
    public JobStatus cancel(String id) {
        Job job = job(id);
        boolean removed;
        synchronized (queue) { removed = queue.remove(job); }
        if (removed) {
            finish(job, JobState.CANCELLED, "cancelled before it started", List.of());
        } else {
            synchronized (job) {
                if (job.record.state().isFinal()) return status(job);
                job.cancelRequested = true;
                if (job.worker != null) job.worker.interrupt();
            }
        }
        return status(job);
    }

    /** Cancels every unfinished job of a session (before the session is deleted). */
    public void cancelSession(String sessionId) {
        for (Job j : jobs.values()) if (j.record.session().equals(sessionId) && !j.record.state().isFinal()) cancel(j.id());
    }

    /** Calls {@code listener} with the job's status on every change until unsubscribed; returns the unsubscribe action. */
    public Runnable subscribe(String id, Consumer<JobStatus> listener) {
        Job job = job(id);
        job.subscribers.add(listener);
        return () -> job.subscribers.remove(listener);
    }

    /**
     * Stops the workers; running jobs are interrupted and recorded as failed. Queued jobs stay queued on disk, so the
     * next server on this data directory runs them.
     */
    @Override public void close() {
        synchronized (queue) {
            closed = true;
            queue.notifyAll();
        }
        for (Thread t : workers) t.interrupt();
        for (Thread t : workers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- used by JobWorker

    Job take() throws InterruptedException {
        Job job;
        synchronized (queue) {
            while (queue.isEmpty() && !closed) queue.wait();
            if (closed) return null;
            job = queue.removeFirst();
        }
        // lock order is job, then queue (status() looks up queue positions): never take the job lock inside the queue lock
        synchronized (job) {
            job.worker = Thread.currentThread();
            // cancelled between leaving the queue and getting a worker: let the runner see it at its first check
            if (job.cancelRequested) Thread.currentThread().interrupt();
            update(job, job.record.running(), true);
        }
        return job;
    }

    Datastore store() { return store; }

    boolean isClosed() { return closed; }

    /** Records (and persists) the fingerprints of the inputs a job snapshotted as it started. */
    void inputsUsed(Job job, Map<String, String> inputs) {
        synchronized (job) { update(job, job.record.withInputs(inputs), true); }
    }

    void progress(Job job, double p, String message) { update(job, job.record.progress(p, message), false); }

    void finish(Job job, JobState state, String message, List<String> results) {
        synchronized (job) {
            job.worker = null;
            if (job.record.state().isFinal()) return;
            update(job, job.record.finished(state, message, results), true);
        }
        LOG.info("job {} ({}) {}: {}", job.id(), job.record.type(), state.key(), message);
    }

    boolean cancelRequested(Job job) {
        synchronized (job) { return job.cancelRequested; }
    }

    private void update(Job job, JobRecord r, boolean persist) {
        job.record = r;
        if (persist) records.save(r);
        long now = System.nanoTime();
        if (persist || now - job.lastNotifyNanos >= NOTIFY_INTERVAL_NANOS) {
            job.lastNotifyNanos = now;
            JobStatus s = status(job);
            for (Consumer<JobStatus> c : job.subscribers) {
                try {
                    c.accept(s);
                } catch (RuntimeException e) {
                    job.subscribers.remove(c);
                }
            }
        }
    }

    private String newId(String id) {
        if (!Ids.isValid(id)) throw new IllegalArgumentException("invalid job id '" + id + "'");
        if (jobs.containsKey(id)) throw new IllegalArgumentException("job '" + id + "' exists already");
        return id;
    }

    private Job job(String id) {
        Job j = id == null ? null : jobs.get(id);
        if (j == null) throw new UnknownResourceException("no job '" + id + "'");
        return j;
    }

    private JobStatus status(Job job) {
        JobRecord r = job.record;
        Integer position = null;
        if (r.state() == JobState.QUEUED) {
            synchronized (queue) {
                int i = 1;
                for (Job q : queue) { if (q == job) { position = i; break; } i++; }
            }
        }
        return JobStatus.of(r, position, eta(r));
    }

    private static Long eta(JobRecord r) {
        if (r.state() != JobState.RUNNING || r.startedAt() == null || r.progress() < 0.01) return null;
        double elapsed = Duration.between(r.startedAt(), Instant.now()).toMillis() / 1000.0;
        return Math.round(elapsed * (1 - r.progress()) / r.progress());
    }

    private long retryAfterSeconds() {
        return jobs.values().stream().map(j -> eta(j.record)).filter(e -> e != null).mapToLong(e -> Math.max(1, e)).min().orElse(10);
    }
}
