# The hubsim simulator image: `hubsim serve` on port 5000, ready when GET /_hubsim/health answers 200.
#   mvn -B -pl simulator -am package -DskipTests && docker build -t hubsim:local .
#   docker run -p 5000:5000 hubsim:local serve --host 0.0.0.0 --port 5000 --user alice:secret-pw
# Without a network (no base image to pull), scripts/build-docker-image.sh builds the same image from the local JDK.
FROM eclipse-temurin:17-jre
RUN useradd --uid 1000 --home-dir /tmp --shell /usr/sbin/nologin hubsim
COPY simulator/target/hubsim.jar /opt/hubsim/hubsim.jar
# A class-data-sharing archive of what a start loads (hubsim warm-up): the simulator answers in about half the time.
RUN java -XX:ArchiveClassesAtExit=/opt/hubsim/hubsim.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
      -jar /opt/hubsim/hubsim.jar warm-up
USER 1000:1000
WORKDIR /tmp
EXPOSE 5000
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/opt/hubsim/hubsim.jsa", "-Xlog:cds=off", "-XX:CompileThresholdScaling=4", "-jar", "/opt/hubsim/hubsim.jar"]
CMD ["serve", "--host", "0.0.0.0", "--port", "5000"]
