from golang:1.23 as build
run	cd /src &&	go build	-o app .
