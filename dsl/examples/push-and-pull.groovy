// Builds an image, pushes it, pulls it back and tags it. Runs against mock and live, e.g.
//   ./hubsim run dsl/examples/push-and-pull.groovy --target mock
//   ./hubsim run dsl/examples/push-and-pull.groovy --target live --param repository=you/demo
def repo = param('repository', 'hubsim/demo')

dockerhub {
    def app = image("$repo:1.0") {
        layer bytes(5.MB)
        layer bytes(200.KB)
        platform 'linux/amd64'
        label 'org.opencontainers.image.title', 'demo'
    }
    def pushed = push app
    expect pushed.digest == app.digest

    def pulled = pull "$repo:1.0", platform: 'linux/amd64'
    expect pulled.manifest.digest == app.digest

    tag "$repo:1.0", "$repo:latest"
    expect digest("$repo:latest") == app.digest
    expect tags(repo).containsAll(['1.0', 'latest'])
    println "pushed and pulled $repo:1.0 ($app.size bytes of layers)"
}
