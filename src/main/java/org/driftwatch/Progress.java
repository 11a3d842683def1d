package org.driftwatch;

/** Progress lines for people watching a run (stderr in the CLI). */
public interface Progress {
    void say(String line);
}
