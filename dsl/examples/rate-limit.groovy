// Anonymous pulls run into the pull rate limit, and the quota comes back when the window is over. Mock only: it sets
// the limit and moves the simulator's clock.
simulator {
    image('library/nginx:1.27') { layer bytes(200.KB) }
    rateLimit anonymous: 3.per(hour)
}

dockerhub {
    logout()
    3.times { pull 'library/nginx:1.27', platform: 'linux/amd64' }
    expect rateLimit.limit == 3
    expect rateLimit.remaining == 0

    // The client knows no pulls are left and refuses before sending (a RateLimitException saying how long to wait).
    def refused = expectFailure { pull 'library/nginx:1.27', platform: 'linux/amd64' }
    expect refused.message.contains('no pulls left')
}

simulator {
    clock.advance 1.hours
}

dockerhub {
    pull 'library/nginx:1.27', platform: 'linux/amd64'
    expect rateLimit.remaining == 2
    println "quota after an hour: $rateLimit.remaining of $rateLimit.limit left"
}
