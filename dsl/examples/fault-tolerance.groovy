// The registry fails the first two blob uploads with 503; a push retried three times gets through. Mock only.
simulator {
    fault { on 'blob-upload'; times 2; status 503 }
    latency 50.ms
}

dockerhub {
    def app = image('hubsim/flaky:1') { layer bytes(1.MB) }
    def attempts = 0
    retry(attempts: 3, delay: 10.ms) {
        attempts++
        push app
    }
    expect attempts > 1
    expect digest('hubsim/flaky:1') == app.digest
    println "pushed after $attempts attempts"
}
