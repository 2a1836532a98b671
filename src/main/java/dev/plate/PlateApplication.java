package dev.plate;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import dev.plate.base.AheadOfTime;
import dev.plate.base.StartupReport;
import dev.plate.launch.StartCacheAtBuild;
import dev.plate.launch.StartFromCache;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableVaadin(PlateApplication.VIEWS)
public class PlateApplication {

    /**
     * Where Vaadin looks for views, the app shell and error pages: every module's {@code ui} package, as
     * {@code ArchitectureTest} demands of every component. Scanning all of {@code dev.plate} instead read each of its
     * classes at every start: Vaadin's own timer said 405–421 ms for its start-up scans, 254–268 ms so.
     */
    static final String VIEWS = "dev.plate.*.ui";

    public static void main(String[] args) {
        StartCacheAtBuild.recordIfAsked(PlateApplication.class); // the build's recording: ends here
        StartFromCache.relaunchIfRecorded(PlateApplication.class);
        AheadOfTime.useWhenPackaged(PlateApplication.class);
        var application = new SpringApplication(PlateApplication.class);
        StartupReport.recordIfAsked(application);
        application.addListeners(new dev.plate.base.PrivateDataDirectory());
        application.run(args);
    }
}
