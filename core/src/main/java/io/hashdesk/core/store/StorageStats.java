package io.hashdesk.core.store;

/** Size of the store: rows per tier and bytes on disk (database plus write-ahead log). */
public record StorageStats(long recentSnapshots, long rawChunks, long fiveMinuteChunks, long oneHourChunks,
                           long fileBytes) {
}
