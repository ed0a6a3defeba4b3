// A push fires the repository's webhook with Docker Hub's payload. Mock only: the webhook points at the script's inbox.
simulator {
    webhook 'hubsim/notified'
}

dockerhub {
    push image('hubsim/notified:2.0') { layer bytes(100.KB) }
    def events = webhook.await(1)
    expect events.size() == 1
    expect events[0].repository == 'hubsim/notified'
    expect events[0].tag == '2.0'
    expect events[0].pusher == 'hubsim'
    println "webhook: ${events[0]}"
}
