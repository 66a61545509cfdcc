FROM gcr.io/distroless/static-debian12:nonroot
COPY mytool /usr/bin/mytool
ENTRYPOINT ["/usr/bin/mytool"]
