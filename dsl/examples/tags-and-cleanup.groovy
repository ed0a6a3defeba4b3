// Pushes release and pull-request tags, then deletes the pull-request ones. Runs against mock and live
// (a registry that allows deletes).
def repo = param('repository', 'hubsim/cleanup-demo')

dockerhub {
    ['1.0', '1.1', 'pr-12', 'pr-13'].each { version ->
        push image("$repo:$version") {
            layer bytes(64.KB)
            label 'version', version
        }
    }
    expect tags(repo).containsAll(['1.0', '1.1', 'pr-12', 'pr-13'])

    repository(repo) {
        tags.findAll { it.startsWith('pr-') }.each { delete it }
    }

    expect tags(repo).sort() == ['1.0', '1.1']
    expect !exists("$repo:pr-12")
    println "kept ${tags(repo).sort()}"
}
