package org.minsheng.analysis.recovery;

import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.core.execution.JobClient;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.job.AnalysisMain;

/**
 * The local job as {@code ./minsheng demo} runs it ({@link AnalysisMain#startLocal(AnalysisConfig)}: settings from the
 * defaults and {@code MINSHENG_*} environment variables, resuming per {@code analysis.checkpoint.restore}), alone in a
 * process that a test can kill. Prints {@value #RUNNING} and the job id once the job runs; exits when its stdin closes
 * (the test JVM is gone), so it never outlives the test.
 */
public final class LocalJobMain {
  static final String RUNNING = "LOCAL-JOB-RUNNING";

  private LocalJobMain() {}

  public static void main(String[] args) throws Exception {
    Thread watchdog = new Thread(() -> {
      try (InputStream in = System.in) {
        while (in.read() >= 0) {
          // nothing is sent: wait for the end of the stream
        }
      } catch (IOException e) {
        // the pipe broke: the parent is gone as well
      }
      Runtime.getRuntime().halt(3);
    }, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    JobClient job = AnalysisMain.startLocal(AnalysisConfig.load());
    System.out.println(RUNNING + " " + job.getJobID());
    System.out.flush();
    job.getJobExecutionResult().get();
  }
}
