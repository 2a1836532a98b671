# Plate: build with the Maven Wrapper, run on a JRE 25 as a non-root user.
# docker build -t plate . && docker run -p 8080:8080 -v plate-data:/data plate

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY helm-templates/ helm-templates/
COPY src/ src/
# The train stage records the image's own cache: not the java -jar start-up cache of the build stage's account.
RUN ./mvnw -B -q package -DskipTests -Dplate.start-cache.skip \
 && java -Djarmode=tools -jar target/plate-*.jar extract --destination /app \
 && mv /app/plate-*.jar /app/plate.jar

# A training run to record an AOT cache (JDK 25): a whole start, until the health check answers UP and the login page
# was served once, then it ends (plate.start-cache.training). It starts as the entrypoint does (the jar turns on
# Spring's ahead-of-time mode itself), so the cache holds those classes and their profiles.
FROM eclipse-temurin:25-jre AS train
COPY --from=build /app /app
WORKDIR /app
RUN PLATE_DATA_DIR=/tmp/train java -XX:AOTCacheOutput=/app/plate.aot -XX:+UseSerialGC \
      -jar plate.jar --plate.start-cache.training=true --server.port=0 \
 && rm -rf /tmp/train

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 plate \
 && useradd --system --uid 10001 --gid plate --home-dir /app --shell /usr/sbin/nologin plate \
 && mkdir -p /data && chown plate:plate /data
COPY --from=train --chown=root:root /app /app
WORKDIR /app
USER 10001:10001
# The AOT cache's flags belong to the image (the entrypoint): JAVA_TOOL_OPTIONS is yours to tune, and replacing it
# (as Kubernetes env does) never turns the cache off. -XX:TieredStopAtLevel=1 compiles with C1 only: a start in 3.9 s
# instead of 5.0 s on 2 cores, and about 110 MB less memory under load (docs/adr/0022-the-image-compiles-with-c1-only.md);
# leave it out for C2's faster code on CPU-heavy requests.
ENV PLATE_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:TieredStopAtLevel=1"
VOLUME /data
EXPOSE 8080
# No curl in the JRE image: bash's /dev/tcp asks the liveness group directly.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health/liveness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
# -Xms64m: the JVM's first heap is 1/64 of the memory limit, and the AOT cache's archived objects do not fit in less
# than about 16 MB: without it the image refuses to start under a limit below 1 GiB ("archived heap objects cannot
# be loaded"). Plate uses more than 64 MB of heap as soon as it has started, so it costs nothing.
ENTRYPOINT ["java", "-XX:AOTCache=/app/plate.aot", "-XX:+UseSerialGC", "-Xms64m", "-jar", "/app/plate.jar"]
