package vn.langso.backend;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound when the test JVM starts, before any scheduler or event-loop thread exists, so that
 * every test class runs with blocking calls on non-blocking threads detected. Installing it later, while
 * pool threads wait inside JDK classes that BlockHound retransforms, was seen to kill Reactor's parallel
 * workers with IllegalMonitorStateException.
 */
public class BlockHoundSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        // Netty 4.2.15's own BlockHound integration misses this: when event-loop threads contend for buffers,
        // the adaptive allocator adds a magazine under a briefly held StampedLock write lock.
        BlockHound.install(builder -> builder.allowBlockingCallsInside(
                "io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines"));
    }
}
