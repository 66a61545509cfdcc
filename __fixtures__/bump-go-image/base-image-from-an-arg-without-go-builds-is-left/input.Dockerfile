ARG base_image
FROM ${base_image}
COPY svc /svc
ENTRYPOINT ["/svc"]
