// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Sessions, their volumes and results on local disk under one data directory. Layout:
 * {@code sessions/<id>/session.json}, {@code sessions/<id>/{image,labels,hints}.nii[.gz]},
 * {@code sessions/<id>/results/<name>}, {@code sessions/<id>/label-descriptions.txt} (ITK-SNAP label file),
 * {@code sessions/<id>/work/<job>/}, {@code jobs/<id>.json}, {@code checkpoints/},
 * {@code tmp/}. Every file appears under its final name by an atomic rename, so readers never see half a file.
 */
public final class Datastore {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Datastore.class);
    private final Path root;
    private final ObjectMapper json;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    /** Names of the entries this class creates in {@code tmp/}: only these are ever removed from there. */
    private static final Pattern OWN_TEMP = Pattern.compile(
        "upload-\\d+\\.(upload|nii|nii\\.gz|nrrd|mha|zip)|deleted-\\d+|labelprop-dicom-\\d+");

    /**
     * Opens (creating if needed) the store at {@code root}; removes what an earlier run left in {@code tmp/} (only the
     * upload and deletion entries it names itself, never other files: {@code --data-dir ~} must not wipe {@code ~/tmp})
     * and the stale job work directories of its sessions. The caller holds the {@link DataDirectoryLock}.
     */
    public Datastore(Path root, ObjectMapper json) throws IOException {
        this.root = root.toAbsolutePath();
        this.json = json;
        for (String d : List.of("sessions", "jobs", "checkpoints", "tmp")) Files.createDirectories(this.root.resolve(d));
        try (Stream<Path> s = Files.list(this.root.resolve("tmp"))) {
            for (Path p : s.toList()) if (OWN_TEMP.matcher(p.getFileName().toString()).matches()) AtomicFiles.deleteTree(p);
        }
        try (Stream<Path> s = Files.list(sessionsDir())) {
            for (Path dir : s.toList())
                if (Ids.isValid(dir.getFileName().toString()) && Files.isRegularFile(dir.resolve("session.json")))
                    AtomicFiles.deleteTree(dir.resolve("work"));
        }
    }

    public Path root() { return root; }

    public Path jobsDir() { return root.resolve("jobs"); }

    public Path checkpointsDir() { return root.resolve("checkpoints"); }

    /** A fresh empty file in {@code tmp/} (same file system as the store, so it can be renamed into place). */
    public Path newTempFile(String suffix) throws IOException { return Files.createTempFile(root.resolve("tmp"), "upload-", suffix); }

    public SessionRecord createSession(String name) throws IOException { return createSession(Ids.next(), name); }

    /**
     * Creates a session under a caller-chosen id (see {@link Ids#isValid}).
     * @throws IllegalArgumentException when the id is malformed or taken
     */
    public SessionRecord createSession(String id, String name) throws IOException {
        if (!Ids.isValid(id)) throw new IllegalArgumentException("invalid session id '" + id + "'");
        if (Files.exists(sessionDir(id))) throw new IllegalArgumentException("session '" + id + "' exists already");
        SessionRecord s = new SessionRecord(id, name, Instant.now(), null, null, null);
        Files.createDirectories(sessionDir(s.id()).resolve("results"));
        AtomicFiles.writeJson(json, sessionDir(s.id()).resolve("session.json"), s);
        return s;
    }

    /** Every session, oldest first; a directory without a readable record (an interrupted create) is skipped. */
    public List<SessionRecord> sessions() throws IOException {
        List<SessionRecord> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(sessionsDir())) {
            for (Path dir : s.toList()) find(dir.getFileName().toString()).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(SessionRecord::createdAt));
        return out;
    }

    public Optional<SessionRecord> find(String id) {
        if (!Ids.isValid(id)) return Optional.empty();
        Path f = sessionDir(id).resolve("session.json");
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            return Optional.of(json.readValue(f.toFile(), SessionRecord.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read session record " + f, e);
        }
    }

    /** @throws UnknownResourceException when there is no such session */
    public SessionRecord session(String id) {
        return find(id).orElseThrow(() -> new UnknownResourceException("no session '" + id + "'"));
    }

    /** Removes a session and everything in it: renamed out of sight first, then deleted. */
    public void deleteSession(String id) throws IOException {
        synchronized (lock(id)) {
            session(id);
            Path trash = Files.createTempDirectory(root.resolve("tmp"), "deleted-");
            AtomicFiles.move(sessionDir(id), trash.resolve(id));
            try {
                AtomicFiles.deleteTree(trash);
            } catch (IOException e) {
                // a cancelled job may still be writing in there; tmp/ is emptied at the next start
                LOG.warn("could not remove all of deleted session {} yet: {}", id, e.toString());
            }
        }
    }

    /** The stored file of a volume, if uploaded. */
    public Optional<Path> volumeFile(String id, VolumeKind kind) {
        VolumeSummary v = session(id).volume(kind);
        return v == null ? Optional.empty() : Optional.of(sessionDir(id).resolve(v.fileName()));
    }

    /**
     * Moves a validated upload into place and records it; {@code check} runs under the session lock against the
     * current record (e.g. "labels must match the image grid") and may throw to refuse.
     */
    public SessionRecord storeVolume(String id, VolumeKind kind, Path validated, VolumeSummary summary,
                                     java.util.function.Consumer<SessionRecord> check) throws IOException {
        synchronized (lock(id)) {
            SessionRecord current = session(id);
            check.accept(current);
            AtomicFiles.move(validated, sessionDir(id).resolve(summary.fileName()));
            SessionRecord updated = current.with(kind, summary);
            AtomicFiles.writeJson(json, sessionDir(id).resolve("session.json"), updated);
            VolumeSummary old = current.volume(kind);
            if (old != null && !old.fileName().equals(summary.fileName())) Files.deleteIfExists(sessionDir(id).resolve(old.fileName()));
            return updated;
        }
    }

    /** Forgets a volume (record first, then the file). */
    public SessionRecord deleteVolume(String id, VolumeKind kind) throws IOException {
        synchronized (lock(id)) {
            SessionRecord current = session(id);
            VolumeSummary old = current.volume(kind);
            if (old == null) throw new UnknownResourceException("session " + id + " has no " + kind.key());
            SessionRecord updated = current.with(kind, null);
            AtomicFiles.writeJson(json, sessionDir(id).resolve("session.json"), updated);
            Files.deleteIfExists(sessionDir(id).resolve(old.fileName()));
            return updated;
        }
    }

    /** A private directory where job {@code jobId} writes its outputs before they are published. */
    public Path workDir(String id, String jobId) throws IOException {
        return Files.createDirectories(sessionDir(id).resolve("work").resolve(jobId));
    }

    /**
     * Links (or, where links are not possible, copies) the session's current volumes of the given kinds into
     * {@code workDir} under the session lock, so a job reads one consistent set even if an upload replaces them
     * meanwhile, and records the SHA-256 of each (null for a kind not uploaded).
     */
    public InputSnapshot snapshotInputs(String id, Path workDir, java.util.Set<VolumeKind> kinds) throws IOException {
        java.util.Map<VolumeKind, Path> files = new java.util.EnumMap<>(VolumeKind.class);
        java.util.Map<String, String> fingerprints = new java.util.TreeMap<>();
        synchronized (lock(id)) {
            SessionRecord s = session(id);
            for (VolumeKind k : kinds) {
                VolumeSummary v = s.volume(k);
                fingerprints.put(k.key(), v == null ? null : v.sha256());
                if (v == null) continue;
                Path src = sessionDir(id).resolve(v.fileName()), dst = workDir.resolve("input-" + v.fileName());
                Files.deleteIfExists(dst);
                try {
                    Files.createLink(dst, src);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(src, dst);
                }
                files.put(k, dst);
            }
        }
        return new InputSnapshot(files, fingerprints);
    }

    public Path resultsDir(String id) { return sessionDir(id).resolve("results"); }

    /** The session's label description file ({@link LabelDescriptionStore}); it may not exist yet. */
    public Path labelDescriptionsFile(String id) {
        session(id);
        return sessionDir(id).resolve("label-descriptions.txt");
    }

    /** Names of the published results of a session, sorted. */
    public List<String> results(String id) throws IOException {
        Path dir = resultsDir(id);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    /**
     * Publishes the files of a finished job by renaming each into {@code results/}, recording the input fingerprints
     * they were computed from, then drops the work directory.
     */
    public void publish(String id, String jobId, List<Path> files, java.util.Map<String, String> inputs) throws IOException {
        synchronized (lock(id)) {
            session(id);
            List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
            for (Path f : files) AtomicFiles.move(f, resultsDir(id).resolve(f.getFileName().toString()));
            // after the moves: a crash in between leaves new files with their old sources, which errs towards "stale"
            ResultSources.record(json, resultsDir(id), jobId, names, inputs);
            AtomicFiles.deleteTree(sessionDir(id).resolve("work").resolve(jobId));
        }
    }

    /**
     * Published results computed from inputs that have since been replaced or deleted: file name → why, e.g. "the labels
     * changed since job 0123456789abcdef computed it". Results published without a record of their inputs count as current.
     */
    public java.util.Map<String, String> staleResults(String id) throws IOException {
        SessionRecord now = session(id);
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (var e : ResultSources.read(json, resultsDir(id)).entrySet()) {
            List<String> changed = ResultSources.changed(e.getValue(), now);
            if (!changed.isEmpty())
                out.put(e.getKey(), "the " + String.join(" and ", changed) + " changed"
                    + " since job " + e.getValue().job() + " computed it");
        }
        return out;
    }

    public void discardWork(String id, String jobId) throws IOException {
        if (Ids.isValid(id)) AtomicFiles.deleteTree(sessionDir(id).resolve("work").resolve(jobId));
    }

    private Path sessionsDir() { return root.resolve("sessions"); }

    private Path sessionDir(String id) {
        if (!Ids.isValid(id)) throw new UnknownResourceException("no session '" + id + "'");
        return sessionsDir().resolve(id);
    }

    private Object lock(String id) { return locks.computeIfAbsent(id, k -> new Object()); }
}
