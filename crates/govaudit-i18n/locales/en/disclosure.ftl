# Disclosure rules (disclosure/*): title, what is wrong (.message), how to fix it (.fix).

disclosure-invalid-identity-mark = Identity marks show a valid number
    .message = An identity mark is shown without a valid number (website identification code, ICP filing number or public security filing number).
    .fix = Show the full number as issued, for example 冀ICP备05012345号-1.
disclosure-item-needs-review = Required item found only by a weak signal
    .message = A required item was found only by a weak signal (link target, script or meta data); check it on the rendered page.
    .fix = Give the entrance a visible text that names it, and render identity marks in the HTML.
    .review = { disclosure-item-needs-review.message }
disclosure-missing-item = Required items are present
    .message = A required item of the profile (such as the government information disclosure entrance or an identity mark) was not found.
    .fix = Add a visible link or mark with the standard name on the homepage.
disclosure-stale-column = Columns are updated in time
    .message = A column has published nothing within the time its class requires.
    .fix = Publish in the column within its window, or merge or close columns that have nothing to publish.
disclosure-stale-homepage = The homepage is updated in time
    .message = The homepage has published nothing new within the required time.
    .fix = Publish on the homepage at least every two weeks, and show publication dates in lists.
    .review = Check the homepage's update date: no publication date was found on it or on the pages it links to.
