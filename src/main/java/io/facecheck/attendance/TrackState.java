package io.facecheck.attendance;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a {@link CheckInStation} remembers about one tracked face (one
 * {@link io.facecheck.face.track.FaceTracker} id): the one place for per-track state. It holds the check-in
 * policy's K-of-N votes for this track (so two people passing the kiosk never pool their frames) and any other
 * per-track evidence a check keeps across frames, attached by type with {@link #attachment(Class, Supplier)}
 * (a liveness accumulator, say). The station creates it the first time it sees the track and drops it, with
 * everything attached, when the tracker ends the track; a face that comes back gets a new id and a fresh state.
 * <p>
 * Used on the station's thread only (the policy touches {@link #votes} under its own lock).
 */
public final class TrackState {
    private final int id;
    private int frames;
    /** The policy's votes for this track, oldest first; read and written by {@link CheckInPolicy} only. */
    final Deque<CheckInPolicy.Vote> votes = new ArrayDeque<>();
    /** The embedding of the last frame in which this track was the subject, or null (the station's). */
    float[] lastEmbedding;
    private final Map<Class<?>, Object> attachments = new HashMap<>();

    public TrackState(int id) {
        this.id = id;
    }

    /** The tracker's id of this face. */
    public int id() {
        return id;
    }

    /** Frames of this track the station has processed so far, including the current one. */
    public int frames() {
        return frames;
    }

    void seen() {
        frames++;
    }

    /** This track's instance of {@code type}, created by {@code create} on first use. */
    public <T> T attachment(Class<T> type, Supplier<? extends T> create) {
        return type.cast(attachments.computeIfAbsent(type, k -> create.get()));
    }

    /** This track's instance of {@code type}, if one was attached. */
    public <T> Optional<T> attachment(Class<T> type) {
        return Optional.ofNullable(type.cast(attachments.get(type)));
    }
}
