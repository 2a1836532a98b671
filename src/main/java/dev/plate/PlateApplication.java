package dev.plate;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;
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
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/plate.css")
public class PlateApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        StartCacheAtBuild.recordIfAsked(PlateApplication.class); // the build's recording: ends here
        StartFromCache.relaunchIfRecorded(PlateApplication.class);
        AheadOfTime.useWhenPackaged(PlateApplication.class);
        var application = new SpringApplication(PlateApplication.class);
        StartupReport.recordIfAsked(application);
        application.run(args);
    }

    /** The tab's icon (without one every browser asks for /favicon.ico and logs its 404). */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/plate.svg", "any");
    }
}
