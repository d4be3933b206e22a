package corpus

import "strings"

// Word lists the generator draws from. Common words come first, so that a
// Zipf draw over the list uses them most; a generated tail of rare words
// (see lexicon) follows them.

var common = split(`the of and to a in is that for it as with on be was by this are we at from
or an will not have has but our they which one all can more their been when there so if out up
about into than then them what some would only other new also after its time just no do over
most may first any these two before week now see where how each because while still next
three last day make well back much same should through work very even need down every
between few both those under again since without another around during less long own why`)

var domain = split(`sync engine shard planner ledger queue worker scheduler latency p95 p99 throughput
workspace customer connector backfill replica primary postgres postgresql kafka index migration
deploy rollout release flag canary incident postmortem pager alert on-call rotation handoff runbook
dashboard metric trace log error retry timeout idempotency key dedupe event stream batch write
read cache eviction memory cpu disk network region failover drill outage degradation budget sla
slo onboarding trial signup activation churn pricing invoice billing plan seat admin permission
role audit compliance security token secret credential vault certificate tls dns load balancer
frontend backend api endpoint schema contract client sdk webhook integration hubspot salesforce
stripe zendesk slack github ci build test flaky coverage lint review design doc proposal decision
objective result progress target baseline quarter roadmap priority blocker risk dependency estimate
scope milestone demo feedback interview research survey copy wizard email template notification
mobile desktop browser accessibility performance regression benchmark profile allocation garbage
collector goroutine thread lock contention partition replication consistency transaction snapshot
vacuum bloat autovacuum checkpoint wal archive restore backup encryption rotation hiring interview
mentor pairing async written check-in standup retro planning cadence timezone handover meeting
writing style glossary handbook policy leave travel expense laptop equipment support ticket escalation`)

var firstNames = split(`Ana Kofi Priya Lukas Mei Jordan Chloe Sam Ravi Ines Tomas Amara Yuki Diego Lena
Omar Sofia Mateo Hana Felix Zara Noah Aisha Elias Maya Ivan Nia Leo Sara Theo Ada Kai Lina Hugo Mira
Jonas Eva Malik Rosa Emil Alma Ravi Dara Nils Ayla Bruno Cleo Dev Esme Farid Gaia Hiro Iris Joel`)

var lastNames = split(`Souza Mensah Raman Becker Tanaka Ellis Martin Okafor Silva Novak Haddad Kim
Jensen Moreau Rossi Nakamura Fischer Costa Adeyemi Schmidt Dubois Lindqvist Petrov Garcia Sato Nowak
Bianchi Ahmed Müller Olsen Yilmaz Kowalski Ferreira Larsen Ito Hoffmann Sánchez Andersson Mbeki Park`)

var roles = split(`Engineer|Senior engineer|Staff engineer|Engineering manager|Product manager|Designer|SRE|Support lead|Data analyst|Technical writer`, "|")

var timezones = split(`Europe/Berlin America/Sao_Paulo Africa/Lagos Asia/Kolkata Asia/Tokyo America/New_York Europe/London Australia/Sydney America/Los_Angeles Europe/Warsaw`)

var teamNames = split(`Platform Growth Product Data Infrastructure Billing Integrations Mobile Security Support Design Research`)

var tagNames = split(`sync performance on-call incidents onboarding growth billing security design research
hiring process writing tooling ci data migration reliability api mobile pricing support docs shard-planner
backfill ledger alerts accessibility dependencies cost compliance`)

var languages = split(`go sql yaml bash json typescript`)

// split returns the fields of s, or its parts around sep when one is given.
func split(s string, sep ...string) []string {
	if len(sep) > 0 {
		return strings.Split(s, sep[0])
	}
	return strings.Fields(s)
}
