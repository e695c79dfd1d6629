package org.hrnode.node.qc;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hrnode.aiqc.pipeline.AssessmentException;
import org.hrnode.aiqc.pipeline.CatalogueMatch;
import org.hrnode.aiqc.pipeline.HrEligibility;
import org.hrnode.aiqc.pipeline.HrVerdict;
import org.hrnode.aiqc.pipeline.IneligibilityReason;
import org.hrnode.aiqc.pipeline.StudyAssessment;
import org.hrnode.aiqc.pipeline.StudyAssessor;
import org.hrnode.aiqc.pipeline.StudyFacts;
import org.hrnode.aiqc.pipeline.StudyInput;
import org.hrnode.node.config.QcSettings;
import org.hrnode.node.work.Backoff;
import org.hrnode.node.work.WakeSignal;
import org.hrnode.storage.qc.ClaimedJob;
import org.hrnode.storage.qc.QcJobQueue;
import org.hrnode.storage.qc.QcResultRecord;
import org.hrnode.storage.qc.QcStudies;
import org.hrnode.storage.qc.QcStudySnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the AI QC pipeline on this node: claims studies that became stable from the durable queue
 * ({@link QcJobQueue}), has each judged by the {@link StudyAssessor}, applies the HR eligibility rule and stores the
 * result. Several nodes over one database share the queue; each study generation is judged once.
 *
 * <p>Threads: one dispatcher (virtual) claims as many due jobs as there are free workers ({@code qc-workers}) and
 * hands each to a virtual thread. The dispatcher does not poll on a fixed beat: it sleeps until the earliest
 * unfinished job becomes stable (the database says when), and is woken early when this node records an instance
 * ({@link #instanceRecorded}) or a run ends. Only studies stored through other nodes are found by the periodic look
 * every {@code qc-poll-seconds}, the longest it ever sleeps.
 *
 * <p>Claims are leases of {@value #LEASE_MINUTES} minutes, renewed while a run lasts, so a crashed node's studies
 * are taken over once its leases expire, and a run that outlives its lease cannot store a stale result (the queue
 * fences it). A failed run is retried after a backoff, at most {@value #MAX_ATTEMPTS} times until a new instance
 * arrives. On close, running judgements are interrupted and their jobs released for the next start (or another
 * node): nothing is lost, since the queue is in the database.
 */
public final class QcWorker implements AutoCloseable {

    public static final int MAX_ATTEMPTS = 5;
    static final long LEASE_MINUTES = 2;
    private static final Duration LEASE = Duration.ofMinutes(LEASE_MINUTES);
    private static final Duration RENEW_EVERY = LEASE.dividedBy(3);
    /** 30 s, 1 min, 2 min … at most an hour. */
    private static final Backoff RETRY = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
    /** Against a busy loop when a due job is claimed by another node between our look and our claim. */
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(50);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(QcWorker.class);

    private final QcJobQueue queue;
    private final QcStudies studies;
    private final StudyInputs inputs;
    private final StudyAssessor assessor;
    private final HrEligibility eligibility;
    private final QcSettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final String workerName;
    private final Consumer<String> resultStored;
    private final Semaphore freeWorkers;
    private final WakeSignal wake = new WakeSignal();
    private final Set<ClaimedJob> inHand = ConcurrentHashMap.newKeySet();
    private final ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("qc-lease-renewal").daemon().factory());
    private volatile boolean stopping;
    private Thread dispatcher;

    /**
     * @param workerName   names this node in the queue (claimed_by), for operators
     * @param resultStored told the Study Instance UID of each result stored (to refresh the HR mark)
     */
    public QcWorker(QcJobQueue queue, QcStudies studies, StudyInputs inputs, StudyAssessor assessor,
            QcSettings settings, Clock clock, ZoneId zone, String workerName, Consumer<String> resultStored) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.studies = Objects.requireNonNull(studies, "studies");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.assessor = Objects.requireNonNull(assessor, "assessor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.eligibility = new HrEligibility(settings.hr());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.workerName = Objects.requireNonNull(workerName, "workerName");
        this.resultStored = Objects.requireNonNull(resultStored, "resultStored");
        this.freeWorkers = new Semaphore(settings.workers());
    }

    public synchronized void start() {
        if (dispatcher != null) {
            throw new IllegalStateException("already started");
        }
        LOG.info("event=qc_worker_started workers={} stable_seconds={} poll_seconds={} min_grade={} backlog={}",
                settings.workers(), settings.stable().toSeconds(), settings.poll().toSeconds(),
                settings.hr().minimumGrade(), queue.backlog(MAX_ATTEMPTS));
        dispatcher = Thread.ofVirtual().name("qc-dispatcher").start(this::dispatch);
    }

    /** Called after this node recorded an instance: its study's job was bumped, so the next due time moved. */
    public void instanceRecorded() {
        wake.wake();
    }

    /** Studies waiting to be judged (or judged again), on every node. */
    public long backlog() {
        return queue.backlog(MAX_ATTEMPTS);
    }

    private void dispatch() {
        while (!stopping) {
            Duration wait;
            try {
                claimWhatFits();
                wait = freeWorkers.availablePermits() == 0 ? settings.poll() : untilNextDue();
            } catch (RuntimeException e) {
                // the database is unreachable: jobs stay queued; look again after the poll interval
                LOG.warn("event=qc_dispatch_failed reason=\"{}\"", e.getMessage());
                wait = settings.poll();
            }
            try {
                wake.await(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void claimWhatFits() {
        int free = freeWorkers.availablePermits();
        if (free == 0) {
            return;
        }
        List<ClaimedJob> jobs = queue.claim(workerName, settings.stable(), LEASE, free, MAX_ATTEMPTS);
        for (ClaimedJob job : jobs) {
            freeWorkers.acquireUninterruptibly();
            inHand.add(job);
            runs.submit(() -> run(job));
        }
    }

    private Duration untilNextDue() {
        Optional<Duration> due = queue.untilNextDue(settings.stable(), MAX_ATTEMPTS);
        Duration wait = due.filter(d -> d.compareTo(settings.poll()) < 0).orElse(settings.poll());
        return wait.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : wait;
    }

    private void run(ClaimedJob job) {
        long started = System.nanoTime();
        ScheduledFuture<?> renewal = leases.scheduleAtFixedRate(() -> renew(job), RENEW_EVERY.toMillis(),
                RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            judge(job, started);
        } catch (AssessmentException | StudyInputs.UnreadableHeader | RuntimeException e) {
            failed(job, e);
        } finally {
            renewal.cancel(false);
            inHand.remove(job);
            freeWorkers.release();
            wake.wake();
        }
    }

    private void judge(ClaimedJob job, long started) throws AssessmentException, StudyInputs.UnreadableHeader {
        Optional<QcStudySnapshot> snapshot = studies.snapshot(job.studyPk());
        if (snapshot.isEmpty()) {
            // the study was deleted after the claim; its job went with it (ON DELETE CASCADE)
            return;
        }
        StudyInput input = inputs.input(snapshot.get());
        StudyAssessment assessment = assessor.assess(input);
        StudyFacts facts = inputs.facts(snapshot.get(), input);
        HrVerdict verdict = eligibility.judge(assessment, facts, LocalDate.now(clock.withZone(zone)));
        QcResultRecord result = QcResultJson.record(job.generation(), assessment, verdict);
        if (!queue.complete(job, result)) {
            LOG.warn("event=qc_result_discarded study_uid={} generation={} reason=\"lease lost to another worker\"",
                    job.studyInstanceUid(), job.generation());
            return;
        }
        resultStored.accept(job.studyInstanceUid());
        LOG.info("event=qc_evaluated study_uid={} generation={} instances={} items={} grade={} score={} vetoes={}"
                        + " hr_eligible={} reasons={} model={} duration_ms={}", job.studyInstanceUid(),
                job.generation(), input.instances().size(),
                assessment.items().stream().map(CatalogueMatch::no).toList(), assessment.grade(),
                assessment.score(), assessment.vetoes().size(), verdict.eligible(),
                verdict.reasons().stream().map(IneligibilityReason::code).toList(), assessment.modelVersion(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private void failed(ClaimedJob job, Exception e) {
        if (stopping) {
            releaseQuietly(job);
            return;
        }
        Duration retry = RETRY.after(job.attempts());
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warn("event=qc_failed study_uid={} generation={} attempt={} retry_in_s={} reason=\"{}\"",
                job.studyInstanceUid(), job.generation(), job.attempts() + 1,
                job.attempts() + 1 >= MAX_ATTEMPTS ? "never" : retry.toSeconds(), error);
        try {
            queue.fail(job, error, retry);
        } catch (RuntimeException recording) {
            // the lease runs out and the job is claimed again: nothing is lost
            LOG.warn("event=qc_failure_not_recorded study_uid={} reason=\"{}\"", job.studyInstanceUid(),
                    recording.getMessage());
        }
    }

    private void renew(ClaimedJob job) {
        try {
            if (!queue.renew(job, LEASE)) {
                LOG.warn("event=qc_lease_lost study_uid={} generation={}", job.studyInstanceUid(), job.generation());
            }
        } catch (RuntimeException e) {
            LOG.warn("event=qc_lease_renewal_failed study_uid={} reason=\"{}\"", job.studyInstanceUid(),
                    e.getMessage());
        }
    }

    private void releaseQuietly(ClaimedJob job) {
        try {
            queue.release(job);
        } catch (RuntimeException e) {
            LOG.warn("event=qc_release_failed study_uid={} reason=\"{}\"", job.studyInstanceUid(), e.getMessage());
        }
    }

    /** Stops claiming, interrupts running judgements and releases their jobs for the next start or another node. */
    @Override
    public synchronized void close() {
        stopping = true;
        if (dispatcher != null) {
            dispatcher.interrupt();
            try {
                dispatcher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        runs.shutdownNow();
        try {
            if (!runs.awaitTermination(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("event=qc_runs_still_running count={}", inHand.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leases.shutdownNow();
        inHand.forEach(this::releaseQuietly);
    }
}
